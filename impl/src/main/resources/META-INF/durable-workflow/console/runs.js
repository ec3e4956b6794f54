// The runs list: filtered by status and workflow, searched by run id or event id, newest first, paged by keyset
// (each page starts after the last run of the previous one), refreshed every few seconds.
import { call, query } from './api.js';
import { h, fill, badge } from './dom.js';
import { dateTime, relative } from './format.js';

const STATUSES = ['RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const SIZES = [20, 50, 100, 500];

export function runsView(view, params, context) {
  const state = {
    status: params.get('status') || '',
    workflow: params.get('workflow') || '',
    by: params.get('by') || 'runId',
    search: params.get('q') || '',
    size: Number(params.get('size')) || 20,
    cursors: [null], // the `after` of each page visited; the last is the page shown
  };
  const rows = h('tbody');
  const pageLabel = h('span.page-label');
  const updated = h('span.updated');
  const previous = h('button', { type: 'button', id: 'runs-previous', onclick: () => move(-1) }, '← Newer');
  const next = h('button', { type: 'button', id: 'runs-next', onclick: () => move(1) }, 'Older →');
  const workflowSelect = h('select', { id: 'filter-workflow', onchange: e => change('workflow', e.target.value) },
    h('option', { value: '' }, 'All workflows'));
  const searchInput = h('input', { id: 'search', type: 'search', value: state.search, autocomplete: 'off',
    placeholder: 'Search by run id or event id' });
  let shown = [];

  const filters = h('form.filters', { onsubmit: e => { e.preventDefault(); change('search', searchInput.value.trim()); } },
    h('div.chips', {}, ['', ...STATUSES].map(status => h('button.chip', {
      type: 'button', dataset: { status }, 'aria-pressed': String(state.status === status),
      onclick: () => change('status', status),
    }, status ? status.toLowerCase() : 'all'))),
    h('div.filter-row', {},
      workflowSelect,
      h('select', { id: 'search-by', onchange: e => change('by', e.target.value) },
        h('option', { value: 'runId', selected: state.by === 'runId' }, 'Run id'),
        h('option', { value: 'eventId', selected: state.by === 'eventId' }, 'Event id')),
      searchInput,
      h('button', { type: 'submit' }, 'Search'),
      h('select', { id: 'page-size', title: 'Runs per page', onchange: e => change('size', Number(e.target.value)) },
        SIZES.map(size => h('option', { value: size, selected: size === state.size }, `${size} a page`)))));

  fill(view,
    h('div.view-head', {}, h('h1', {}, 'Runs'), updated),
    filters,
    h('div.table-wrap', {}, h('table.runs', {},
      h('thead', {}, h('tr', {}, ['Status', 'Run id', 'Workflow', 'Started', 'Last change'].map(t => h('th', {}, t)))),
      rows)),
    h('div.pager', {}, previous, pageLabel, next));

  call('/workflows').then(({ data }) => {
    const names = new Set(data.map(w => w.name));
    if (state.workflow) {
      names.add(state.workflow);
    }
    [...names].sort().forEach(name => workflowSelect.append(
      h('option', { value: name, selected: name === state.workflow }, name)));
  }).catch(() => {});

  function change(key, value) {
    state[key] = value;
    state.cursors = [null];
    const kept = { status: state.status, workflow: state.workflow, by: state.search ? state.by : '',
      q: state.search, size: state.size === 20 ? '' : state.size };
    history.replaceState(null, '', `#/runs${query(kept)}`);
    filters.querySelectorAll('.chip').forEach(chip =>
      chip.setAttribute('aria-pressed', String(chip.dataset.status === state.status)));
    load();
  }

  function move(step) {
    if (step > 0 && shown.length === state.size) {
      state.cursors.push(shown[shown.length - 1].workflowRunId);
    } else if (step < 0 && state.cursors.length > 1) {
      state.cursors.pop();
    }
    load();
  }

  async function load() {
    const after = state.cursors[state.cursors.length - 1];
    const search = state.search ? { [state.by]: state.search } : {};
    try {
      const { data } = await call(`/runs${query({ status: state.status, workflow: state.workflow, ...search,
        after, size: state.size })}`);
      shown = data;
      render();
    } catch (error) {
      context.failed(error);
    }
  }

  function render() {
    const now = Date.now();
    fill(rows, shown.length ? shown.map(run => h('tr.run', {
      dataset: { runId: run.workflowRunId }, tabindex: '0',
      onclick: () => context.open(run.workflowRunId),
      onkeydown: e => e.key === 'Enter' && context.open(run.workflowRunId),
    },
    h('td', { 'data-label': 'Status' }, badge(run.status)),
    h('td.mono', { 'data-label': 'Run id' }, h('a', { href: context.runHref(run.workflowRunId) }, run.workflowRunId)),
    h('td', { 'data-label': 'Workflow' }, run.workflowName),
    h('td', { 'data-label': 'Started', title: dateTime(run.createdAt) }, dateTime(run.createdAt)),
    h('td.muted', { 'data-label': 'Last change', title: dateTime(run.updatedAt) }, relative(run.updatedAt, now))))
      : h('tr', {}, h('td.empty', { colspan: 5 }, state.search ? 'No run matches this search.' : 'No runs here.')));
    previous.disabled = state.cursors.length === 1;
    next.disabled = shown.length < state.size;
    pageLabel.textContent = `Page ${state.cursors.length}`;
    updated.textContent = `Updated ${dateTime(now).slice(11)} · refreshes every 5 s`;
  }

  load();
  return { refresh: load, every: 5000 };
}
