// Waiters still waiting and events kept for a later wait, each with its deadline or expiry.
import { call, query } from './api.js';
import { h, fill } from './dom.js';
import { dateTime, relative } from './format.js';

function pagedTable(view, title, intro, path, columns) {
  let page = 0;
  let shown = [];
  const size = 50;
  const rows = h('tbody');
  const previous = h('button', { type: 'button', onclick: () => { page -= 1; load(); } }, '← Previous');
  const next = h('button', { type: 'button', onclick: () => { page += 1; load(); } }, 'Next →');
  const label = h('span.page-label');
  fill(view, h('div.view-head', {}, h('h1', {}, title)), h('p.muted', {}, intro),
    h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c[0])))), rows)),
    h('div.pager', {}, previous, label, next));

  async function load(context) {
    const { data } = await call(`${path}${query({ page, size })}`);
    shown = data;
    const now = Date.now();
    fill(rows, shown.length ? shown.map(item => h('tr', {}, columns.map(([name, cell]) =>
      h('td', { 'data-label': name }, cell(item, now)))))
      : h('tr', {}, h('td.empty', { colspan: columns.length }, 'None.')));
    previous.disabled = page === 0;
    next.disabled = shown.length < size;
    label.textContent = `Page ${page + 1}`;
  }
  return load;
}

const runLink = (context, id) => id
  ? h('a.mono', { href: context.runHref(id) }, id) : h('span.muted', {}, 'any run');

export function waitersView(view, context) {
  const load = pagedTable(view, 'Waiters', 'Runs waiting for an event or a timer, oldest first.', '/waiters', [
    ['Event id', w => w.eventId ? h('code', {}, w.eventId) : h('span.muted', {}, 'timer')],
    ['Run', w => runLink(context, w.workflowRunId)],
    ['Step', w => w.stepName],
    ['Deadline', (w, now) => h('span', { title: dateTime(w.deadline) }, dateTime(w.deadline), ' ',
      h('span.muted', {}, `(${relative(w.deadline, now)})`))],
    ['', w => w.eventId && h('button.small', { type: 'button', onclick: () => context.notify(w.eventId) }, 'Notify')],
  ]);
  const refresh = () => load().catch(context.failed);
  refresh();
  return { refresh, every: 5000 };
}

export function eventsView(view, context) {
  const load = pagedTable(view, 'Kept events',
    'Notifies that found no waiter, kept for a wait registered later (events.retention, lookback notifies).',
    '/events', [
      ['Event id', e => h('code', {}, e.eventId)],
      ['For run', e => runLink(context, e.workflowRunId)],
      ['Kept since', e => dateTime(e.createdAt)],
      ['Expires', (e, now) => h('span', {}, dateTime(e.expiresAt), ' ',
        h('span.muted', {}, `(${relative(e.expiresAt, now)})`))],
    ]);
  const refresh = () => load().catch(context.failed);
  refresh();
  return { refresh, every: 5000 };
}
