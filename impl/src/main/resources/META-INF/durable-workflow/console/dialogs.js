// The dialogs: confirm an action that cannot be undone, start a workflow, notify an event. Each shows the API's
// own error text when the call is refused.
import { call, idPath, query } from './api.js';
import { h, fill, badge } from './dom.js';

const $ = id => document.getElementById(id);

function showError(element, error) {
  element.textContent = error ? error.message : '';
  element.hidden = !error;
}

/** Asks before `action` (an async function); shows its refusal in a toast-like line of the dialog. */
export function confirmAction(title, text, yes, action) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  $('confirm-yes').onclick = async event => {
    event.preventDefault();
    dialog.close();
    try {
      await action();
    } catch (error) {
      window.dispatchEvent(new CustomEvent('console-error', { detail: error }));
    }
  };
  dialog.showModal();
}

/** Opens the start dialog with the workflows deployed; `opened` receives the new run's id. */
export async function startDialog(opened) {
  const dialog = $('start-dialog');
  const select = $('start-workflow');
  showError($('start-error'), null);
  try {
    const { data } = await call('/workflows');
    fill(select, data.map(w => h('option', { value: w.name }, w.name)));
  } catch (error) {
    showError($('start-error'), error);
  }
  $('start-form').onsubmit = async event => {
    event.preventDefault();
    const input = $('start-input').value.trim();
    try {
      if (input) {
        JSON.parse(input);
      }
    } catch (notJson) {
      showError($('start-error'), new Error(`The input is not JSON: ${notJson.message}`));
      return;
    }
    try {
      const { data } = await call(`/workflows/${idPath(select.value)}/runs${query({
        workflowRunId: $('start-run-id').value.trim() })}`, { method: 'POST', body: input || undefined });
      dialog.close();
      opened(data.workflowRunId);
    } catch (error) {
      showError($('start-error'), error);
    }
  };
  dialog.showModal();
}

/** Opens the notify dialog, for `eventId` if given; shows the runs the notify resumed. */
export function notifyDialog(eventId, done) {
  const dialog = $('notify-dialog');
  const result = $('notify-result');
  showError($('notify-error'), null);
  result.hidden = true;
  if (eventId) {
    $('notify-event-id').value = eventId;
  }
  $('notify-form').onsubmit = async event => {
    event.preventDefault();
    const id = $('notify-event-id').value;
    try {
      const { status, data } = await call(`/v2/notify/${idPath(id)}`, { method: 'POST',
        body: $('notify-data').value, contentType: 'text/plain' });
      showError($('notify-error'), null);
      fill(result, data.length
        ? [h('p', {}, `Resumed ${data.length} run${data.length > 1 ? 's' : ''}:`), h('ul', { id: 'notify-resumed' },
          data.map(r => h('li', {}, badge('NOTIFIED'), ' ',
            h('a.mono', { href: `#/run/${encodeURIComponent(r.workflowRunId)}`, onclick: () => dialog.close() },
              r.workflowRunId))))]
        : h('p', { id: 'notify-resumed' }, status === 202
          ? 'Nobody waits for this id: the event is kept for a later wait (events.retention).'
          : 'Nobody waits for this id: the event is not kept (events.retention is off).'));
      result.hidden = false;
      done();
    } catch (error) {
      showError($('notify-error'), error);
    }
  };
  dialog.showModal();
}

/** Asks for the token; `signedIn` is called with it once the API accepts it. */
export function loginDialog(message, tryToken) {
  const dialog = $('login-dialog');
  showError($('login-error'), message ? new Error(message) : null);
  $('login-form').onsubmit = async event => {
    event.preventDefault();
    const error = await tryToken($('login-token').value.trim());
    if (error) {
      showError($('login-error'), error);
    } else {
      $('login-token').value = '';
      dialog.close();
    }
  };
  dialog.addEventListener('cancel', event => event.preventDefault()); // no way around it but a token
  if (!dialog.open) {
    dialog.showModal();
  }
}

/** Close buttons of every dialog. */
export function wireCloseButtons() {
  document.querySelectorAll('[data-close]').forEach(button =>
    button.addEventListener('click', () => button.closest('dialog').close()));
}
