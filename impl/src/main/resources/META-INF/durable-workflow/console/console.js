// The console's entry: signs in (a token kept in this tab only), routes #/runs, #/run/<id>, #/waiters and
// #/events to their views, and refreshes the view shown every few seconds.
import { ApiError, call, token } from './api.js';
import { runsView } from './runs.js';
import { runView } from './run.js';
import { waitersView, eventsView } from './lists.js';
import { loginDialog, notifyDialog, startDialog, wireCloseButtons } from './dialogs.js';

const view = document.getElementById('view');
const NOTIFY_ONLY = 'This token may only notify events and read waiters. The console needs a management token '
  + '(durable-workflow.rest.token).';
let current = null;
let timer = null;

const context = {
  runHref: id => `#/run/${encodeURIComponent(id)}`,
  open: id => { location.hash = context.runHref(id); },
  notify: eventId => notifyDialog(eventId, () => current?.refresh()),
  toast,
  failed,
};

function toast(text, isError = false) {
  const element = document.getElementById('toast');
  element.textContent = text;
  element.className = isError ? 'error' : '';
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { element.hidden = true; }, isError ? 8000 : 4000);
}

function failed(error) {
  if (error instanceof ApiError && (error.needsToken || error.notifyOnly)) {
    token.clear();
    signIn(error.notifyOnly ? NOTIFY_ONLY : error.message);
    return;
  }
  toast(error.message, true);
}

function route() {
  current?.stop?.();
  clearInterval(timer);
  const [path, search] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(search || '');
  const tab = path.startsWith('/run/') ? 'runs' : path.slice(1) || 'runs';
  document.querySelectorAll('.tabs a').forEach(a => a.classList.toggle('active', a.dataset.tab === tab));
  if (path.startsWith('/run/')) {
    current = runView(view, decodeURIComponent(path.slice('/run/'.length)), context);
  } else if (path === '/waiters') {
    current = waitersView(view, context);
  } else if (path === '/events') {
    current = eventsView(view, context);
  } else {
    current = runsView(view, params, context);
  }
  timer = setInterval(() => {
    if (!document.hidden && !document.querySelector('dialog[open]')) {
      current.refresh();
    }
  }, current.every);
}

/** Checks that the API lets this tab in: with its token, the container's login, or no security at all. */
async function check() {
  try {
    await call('/runs?size=1');
    return null;
  } catch (error) {
    return error;
  }
}

function signIn(message) {
  document.getElementById('signout-button').hidden = true;
  loginDialog(message, async given => {
    token.set(given);
    const error = await check();
    if (!error) {
      document.getElementById('signout-button').hidden = false;
      route();
      return null;
    }
    token.clear();
    return error.notifyOnly ? new Error(NOTIFY_ONLY) : error;
  });
}

async function start() {
  wireCloseButtons();
  document.getElementById('start-button').addEventListener('click', () => startDialog(context.open));
  document.getElementById('notify-button').addEventListener('click', () => context.notify());
  document.getElementById('signout-button').addEventListener('click', () => { token.clear(); location.reload(); });
  window.addEventListener('hashchange', route);
  window.addEventListener('console-error', event => failed(event.detail));
  const error = await check();
  if (error && (error.needsToken || error.notifyOnly)) {
    signIn(token.get() || error.notifyOnly ? (error.notifyOnly ? NOTIFY_ONLY : error.message) : null);
    token.clear();
    return;
  }
  document.getElementById('signout-button').hidden = !token.get();
  route();
  if (error) {
    toast(error.message, true);
  }
}

start();
