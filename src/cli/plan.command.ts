// coffeechat plan --interview ID [--auto] [--add ID|TEXT]… [--remove ID|N]… [--minutes N]
// Shows an interview's question plan; the flags change it first (suggest, remove, then add).
import { Command } from 'commander';
import * as plans from '../app/plans.js';
import { AppError } from '../domain/errors.js';
import type { PlanView } from '../domain/question-plan.js';
import { actClient, collect } from './command.js';

export function planCommand(): Command {
  const cmd = new Command('plan')
    .argument('[id]', 'interview id (or --interview)')
    .description("show or change an interview's question plan (the referral question stays last)")
    .option('--interview <id>', 'interview id')
    .option('--auto', 'replace the plan with a fresh suggestion and save it')
    .option('--add <question>', 'add a question: an id from `questions list`, or your own words; repeatable', collect)
    .option('--remove <question>', 'remove a question by id, or by its number in the plan; repeatable', collect)
    .option('--minutes <n>', 'plan for this many minutes instead of the agreed length')
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      `
Without flags the plan is shown: the saved one, or a suggestion (not saved) until you change it.

Examples:
  coffeechat plan --interview 0199… --auto
  coffeechat plan --interview 0199… --add pay --add "How do small teams find their first researcher?"
  coffeechat plan --interview 0199… --remove 2 --json`,
    );
  return actClient(cmd, async (client, o, [id]) => {
    const interviewId = (id ?? o.interview) as string | undefined;
    if (!interviewId) throw new AppError('invalid_input', 'Say which interview: coffeechat plan --interview ID.');
    const minutes = o.minutes !== undefined ? { minutes: o.minutes } : {};
    const adds = (o.add as string[] | undefined) ?? [];
    const removes = (o.remove as string[] | undefined) ?? [];
    // The API saves a plan whole (PUT); editing one question at a time is this machine's operation.
    if (client.remote && (adds.length || removes.length || (o.minutes !== undefined && !o.auto)))
      throw new AppError(
        'invalid_input',
        'Through --server, plan shows the plan or makes one with --auto [--minutes N]; --add, --remove and --minutes alone work on a local database only.',
      );
    const params = { id: interviewId };
    let plan: PlanView | undefined;
    if (o.auto)
      plan = await client.call('post', '/interviews/:id/plan/auto', { params, body: minutes }, (ctx) =>
        plans.autoPlan(ctx, interviewId, minutes),
      );
    else if (o.minutes !== undefined)
      plan = await client.call('put', '/interviews/:id/plan', { params }, (ctx) => plans.setPlanMinutes(ctx, interviewId, minutes));
    for (const r of removes)
      plan = await client.call('put', '/interviews/:id/plan', { params }, (ctx) => plans.removeFromPlan(ctx, interviewId, r));
    for (const a of adds)
      plan = await client.call('put', '/interviews/:id/plan', { params }, (ctx) => plans.addToPlan(ctx, interviewId, { question: a }));
    plan ??= await client.call('get', '/interviews/:id/plan', { params }, (ctx) => plans.getPlan(ctx, interviewId));
    const shown = plan;
    return {
      json: {
        minutes: shown.minutes,
        budgetMinutes: shown.budgetMinutes,
        questions: shown.questions,
        findings: shown.findings,
        interviewId: shown.interviewId,
        saved: shown.saved,
        usedMinutes: shown.usedMinutes,
      },
      text: () => printPlan(shown),
    };
  });
}

function printPlan(p: PlanView): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  out(
    `Question plan: ${p.usedMinutes} of ${p.budgetMinutes} minutes for questions (${p.minutes} agreed, 4 for the opening and close)` +
      (p.saved ? '.' : ' — a suggestion, not saved yet.'),
  );
  p.questions.forEach((q, i) => out(`${String(i + 1).padStart(2)}. [${q.minutes} min] ${q.text}  (${q.id})`));
  for (const f of p.findings) {
    out(`${f.severity} ${f.rule}${f.questionIndex === null ? '' : ` (question ${f.questionIndex + 1})`}: ${f.message}`);
    if (f.fix) out(`  Try: ${f.fix}`);
  }
}
