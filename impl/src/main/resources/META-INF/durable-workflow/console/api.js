// Every call of the console goes through here: the REST API beside the console, with the tab's token.
const TOKEN_KEY = 'durable-workflow-token';
/** The REST root: the console is served at <root>/console/. */
export const ROOT = new URL('..', location.href).pathname.replace(/\/$/, '');

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  /** Whether the server wants a (valid) token: no token, an unknown one, or none configured. */
  get needsToken() {
    return this.status === 401 && /DWF080[0-2]/.test(this.message);
  }
  /** Whether the token may only notify: the console needs a management token. */
  get notifyOnly() {
    return this.status === 403 && this.message.startsWith('DWF0812');
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: value => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Calls the API; resolves to {status, data}; rejects with an ApiError carrying the server's error text. */
export async function call(path, { method = 'GET', body, contentType = 'application/json' } = {}) {
  const headers = { Accept: 'application/json' };
  const bearer = token.get();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(ROOT + path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (unreachable) {
    throw new ApiError(0, 'The server cannot be reached; is it running?');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (notJson) {
    data = text;
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return { status: response.status, data };
}

/** A path segment for an id: percent-encoded, slashes kept raw as the API reads them (docs/rest-api.md). */
export function idPath(id) {
  return encodeURIComponent(id).replace(/%2F/gi, '/');
}

/** A query string of the given parameters, leaving out empty ones. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
