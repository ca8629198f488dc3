/** The README of a new project: every step from install to a result, and where Swirl comes from. */
import type { SwirlSource } from './swirl-source.js';

function sourceSection(source: SwirlSource): string {
  if (source.kind === 'registry') {
    return `The \`@swirl/*\` packages come from the npm registry at version ${source.version}.`;
  }
  return `The \`@swirl/*\` packages are linked (\`link:\` in package.json) from the clone of Swirl at
\`${source.root}\`: nothing there has to be built or published, changes to the clone show up here at
once, and this project must stay on the same machine as the clone. The linked packages are loaded
from their TypeScript sources: the scripts run \`node --conditions=swirl-source --import tsx\`, and
tsconfig.json and vitest.config.ts name the same \`swirl-source\` condition. To depend on published
packages instead, replace each \`link:\` with a version and drop the condition from those three places.`;
}

export function projectReadme(name: string, source: SwirlSource): string {
  return `# ${name}

A Swirl project: a workflow for Amazon Simple Workflow Service (SWF) that runs on Swirl's local
SWF server or on real SWF unchanged.

| file | what it is |
|---|---|
| \`src/workflow.ts\` | \`HelloWorkflow\`: deterministic async code, replayed from history on every decision task |
| \`src/activities.ts\` | \`Greetings\`: the activities, where IO belongs |
| \`src/worker.ts\` | a worker that decides the workflow and runs the activities until Ctrl-C |
| \`src/starter.ts\` | starts one execution and prints its result |
| \`src/swf.ts\` | the SWF client and domain (\`${name}\`; \`SWIRL_DOMAIN\` overrides it) |
| \`test/workflow.test.ts\` | a test on an in-process server with virtual time, and a replay of \`histories/hello-ada.json\` |
| \`local.env\` | \`AWS_ENDPOINT_URL_SWF\` for \`pnpm worker\` and \`pnpm start\`: the local server |

## Run it

You need Node.js 20.19 or newer and pnpm 10.

\`\`\`sh
pnpm install
pnpm test           # the workflow end to end on virtual time, and the replay of the recorded history
pnpm local-server   # terminal 1: the local SWF server on 127.0.0.1:8233, until Ctrl-C
pnpm worker         # terminal 2: registers the domain and types, then polls until Ctrl-C
pnpm start Ada      # terminal 3: starts HelloWorkflow and prints "Hello, Ada!"
\`\`\`

Another port: \`pnpm local-server --port 9000\`, and \`AWS_ENDPOINT_URL_SWF=http://127.0.0.1:9000\` in the
environment of \`pnpm worker\` and \`pnpm start\` (a variable set in the shell wins over \`local.env\`).
Inspect runs with \`pnpm swirl workflow list --closed --domain ${name}\` and
\`pnpm swirl history show <workflowId> --domain ${name}\`.

Also: \`pnpm lint\` (ESLint with Swirl's workflow determinism rules on \`src/workflow.ts\`) and
\`pnpm typecheck\`.

## Keeping changes safe

Workflow code is replayed from the history on every decision task, so it must decide the same way
each time: use \`this.now()\`, \`this.random()\` and \`this.sleep()\`, never \`Date\`, \`Math.random\` or
\`setTimeout\`, and do IO in activities. Before changing a workflow that has runs in flight, export
a history (\`pnpm swirl history export <workflowId> -o histories/<name>.json --domain ${name}\`),
add it to the replay test, and guard the change with \`this.patched()\`.

## Real SWF

Remove the line from \`local.env\` and set \`AWS_REGION\` and credentials as for any AWS SDK
program; the code is unchanged.

## Where Swirl comes from

${sourceSection(source)}
`;
}
