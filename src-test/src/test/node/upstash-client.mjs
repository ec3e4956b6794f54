// Runs calls of the published @upstash/workflow client against a server and prints, as one JSON array, what each
// call returned or threw. Usage: node upstash-client.mjs <baseUrl> <token> '<JSON array of calls>'
// A call is {"op":"notify","eventId":"...","eventData":...,"workflowRunId":"..."} (eventData left out for none,
// workflowRunId left out for a notify without lookback) or
// {"op":"getWaiters","eventId":"..."}.
import { Client } from "@upstash/workflow";

const [baseUrl, token, callsJson] = process.argv.slice(2);
const client = new Client({ baseUrl, token });
const outcomes = [];
for (const call of JSON.parse(callsJson)) {
  try {
    let result;
    if (call.op === "notify") {
      const request = { eventId: call.eventId };
      if ("eventData" in call) {
        request.eventData = call.eventData;
      }
      if ("workflowRunId" in call) {
        request.workflowRunId = call.workflowRunId;
      }
      result = await client.notify(request);
    } else if (call.op === "getWaiters") {
      result = await client.getWaiters({ eventId: call.eventId });
    } else {
      throw new Error("unknown op " + call.op);
    }
    outcomes.push({ ok: true, result });
  } catch (error) {
    outcomes.push({ ok: false, name: error?.name ?? null, status: error?.status ?? null,
      message: String(error?.message ?? error) });
  }
}
console.log(JSON.stringify(outcomes));
