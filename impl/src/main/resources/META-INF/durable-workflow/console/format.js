// How times, durations and JSON are shown.

/** 2026-12-07 14:05:09, in the browser's time zone. */
export function dateTime(millis) {
  if (!millis) {
    return '';
  }
  const d = new Date(millis);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** 850 ms, 12.4 s, 3 min 5 s, 2 h 10 min, 3 d 4 h. */
export function duration(millis) {
  const ms = Math.max(0, Math.round(millis));
  if (ms < 1000) {
    return `${ms} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  }
  const s = Math.floor(ms / 1000);
  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${s % 60} s`;
  }
  if (s < 86_400) {
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  }
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

/** "3 min ago", "in 9 min 58 s". */
export function relative(millis, now = Date.now()) {
  const delta = millis - now;
  return delta >= 0 ? `in ${duration(delta)}` : `${duration(-delta)} ago`;
}

/** JSON text indented for reading; other text as it is. */
export function prettyJson(text) {
  if (text === null || text === undefined) {
    return '';
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (notJson) {
    return String(text);
  }
}

/** A short form of a long id for narrow columns. */
export function shortId(id, keep = 22) {
  return id.length <= keep ? id : `${id.slice(0, keep - 1)}…`;
}
