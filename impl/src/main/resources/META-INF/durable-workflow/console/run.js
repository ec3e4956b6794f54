// One run: where it stands, its input, output and error, the waiter it waits on with its deadline counting down,
// its failure handler, and its steps as a timeline; cancel, resume and fork it from here.
import { call, idPath } from './api.js';
import { h, fill, badge } from './dom.js';
import { dateTime, duration, prettyJson } from './format.js';
import { confirmAction } from './dialogs.js';

const ENDED = ['COMPLETED', 'FAILED', 'CANCELLED'];
const FAILURE_SEQ = 1_000_000; // where a failure handler's marker is journaled

export function runView(view, runId, context) {
  let run = null;
  let countdowns = [];

  async function load() {
    try {
      run = (await call(`/runs/${idPath(runId)}`)).data;
      render();
    } catch (error) {
      context.failed(error);
    }
  }

  function render() {
    const actions = h('div.actions', {},
      !ENDED.includes(run.status) && h('button.danger', { type: 'button', id: 'cancel-run', onclick: cancel },
        'Cancel run'),
      run.status === 'FAILED' && h('button.primary', { type: 'button', id: 'resume-run', onclick: resume },
        'Resume'),
      !ENDED.includes(run.status) && h('button', { type: 'button', id: 'notify-run',
        onclick: () => context.notify(run.waiters[0]?.eventId) }, 'Notify…'));
    countdowns = [];
    fill(view,
      h('p.crumbs', {}, h('a', { href: '#/runs' }, '← Runs')),
      h('div.view-head', {},
        h('h1.mono', { id: 'run-title' }, run.workflowRunId),
        badge(run.status), actions),
      h('div.cards', {},
        card('Workflow', run.workflowName),
        card('Started', dateTime(run.createdAt)),
        card(ENDED.includes(run.status) ? 'Ended' : 'Last change', dateTime(run.updatedAt)),
        card('Took', duration((ENDED.includes(run.status) ? run.updatedAt : Date.now()) - run.createdAt)),
        run.failureHandler && card('Failure handler', badge(run.failureHandler))),
      waiters(),
      run.error && h('section.panel.error-panel', {}, h('h2', {}, 'Error'), h('pre', { id: 'run-error' }, run.error)),
      h('div.io', {},
        h('section.panel', {}, h('h2', {}, 'Input'), h('pre', { id: 'run-input' }, prettyJson(run.input) || '—')),
        h('section.panel', {}, h('h2', {}, 'Output'),
          h('pre', { id: 'run-output' }, prettyJson(run.output) || '—'))),
      h('section.panel', {}, h('h2', {}, `Steps (${run.steps.length})`), timeline()));
    tick();
  }

  function card(label, value) {
    return h('div.card', {}, h('div.card-label', {}, label), h('div.card-value', {}, value));
  }

  function waiters() {
    if (!run.waiters.length) {
      return null;
    }
    return h('section.panel.waiting', { id: 'run-waiters' }, h('h2', {}, 'Waiting for'),
      run.waiters.map(waiter => {
        const left = h('strong.countdown');
        countdowns.push([left, waiter.deadline]);
        return h('div.waiter', {},
          h('span', {}, waiter.eventId ? h('code', {}, waiter.eventId) : 'a timer', ` at step “${waiter.stepName}”`),
          h('span', {}, 'deadline ', dateTime(waiter.deadline), ' · ', left),
          waiter.eventId && h('button.primary', { type: 'button', onclick: () => context.notify(waiter.eventId) },
            'Notify this event'));
      }));
  }

  function tick() {
    countdowns.forEach(([element, deadline]) => {
      const left = deadline - Date.now();
      element.textContent = left > 0 ? `times out in ${duration(left)}` : 'timing out now';
      element.classList.toggle('soon', left < 60_000);
    });
  }

  function timeline() {
    if (!run.steps.length) {
      return h('p.muted', {}, 'No step journaled yet.');
    }
    let previous = run.createdAt;
    return h('ol.timeline', { id: 'steps' }, run.steps.map(step => {
      const took = step.createdAt - previous;
      previous = step.createdAt;
      const handler = step.sequence >= FAILURE_SEQ;
      const outcome = step.timedOut ? 'TIMED_OUT' : step.outcome;
      return h(`li.step.o-${outcome.toLowerCase()}`, { dataset: { sequence: step.sequence } },
        h('div.step-head', {},
          h('span.seq', {}, handler ? (step.type === 'FAILURE' ? '⚑' : `h${step.sequence - FAILURE_SEQ}`)
            : `#${step.sequence}`),
          h('span.step-name', {}, step.name),
          h('span.step-type', {}, step.type.toLowerCase()),
          badge(outcome),
          h('span.muted.step-time', { title: dateTime(step.createdAt) }, `+${duration(took)}`),
          !handler && h('button.link', { type: 'button', title: 'A new run with this run’s journal before this step',
            onclick: () => fork(step.sequence) }, 'Fork from here')),
        step.error && h('pre.step-error', {}, step.error),
        step.result !== null && step.result !== undefined && h('pre.step-result', {}, prettyJson(step.result)));
    }));
  }

  function cancel() {
    confirmAction('Cancel this run?', `${run.workflowRunId} stops for good: it never resumes, and what its steps `
      + 'did is not undone.', 'Cancel run', async () => {
      const { data } = await call(`/runs/${idPath(runId)}/cancel`, { method: 'POST' });
      context.toast(data.cancelled ? 'Run cancelled.' : 'The run had ended already.');
      load();
    });
  }

  function resume() {
    confirmAction('Resume this run?', 'It executes again from its journal, its failed step on, with the code '
      + 'deployed now.', 'Resume', async () => {
      await call(`/runs/${idPath(runId)}/resume`, { method: 'POST' });
      context.toast('Run resumed.');
      load();
    });
  }

  function fork(sequence) {
    confirmAction(`Fork from step #${sequence}?`, `A new run of ${run.workflowName} starts with this run’s input `
      + `and its journal before step #${sequence}; this run is left as it is.`, 'Fork', async () => {
      const { data } = await call(`/runs/${idPath(runId)}/fork`, { method: 'POST',
        body: JSON.stringify({ fromSequence: sequence }) });
      context.toast(`Forked as ${data.workflowRunId}.`);
      context.open(data.workflowRunId);
    });
  }

  load();
  const timer = setInterval(tick, 1000);
  return { refresh: () => (run && ENDED.includes(run.status) ? null : load()), every: 3000,
    stop: () => clearInterval(timer) };
}
