// coffeechat network [--campaign ID] — who led to whom, and the ways into a campaign's targets.
import { Command } from 'commander';
import { networkGraph } from '../app/network-graph.js';
import { actClient } from './command.js';
import { printTable } from './runtime.js';

const KIND_WORDS = { knows: 'you know them', introduction: 'introduced', referral: 'referred in an interview' } as const;

export function networkCommand(): Command {
  const cmd = new Command('network')
    .description('the picture of your introductions and referrals: who led to whom')
    .option('--campaign <id>', "mark the shortest ways from you into this campaign's target organisations")
    .option('--json', 'print the graph as JSON ({ nodes, edges, targets, ... })');
  return actClient(cmd, async (client, o) => {
    const query = { campaignId: o.campaign };
    const g = await client.call('get', '/network/graph', { query }, (ctx) => networkGraph(ctx, query));
    return {
      json: g,
      text: () => {
        const name = new Map(g.nodes.map((n) => [n.id, n.name]));
        if (g.edges.length === 0) {
          process.stdout.write('No introductions yet. Record one with `coffeechat intro add --introducer ID --contact ID`.\n');
        } else {
          printTable(
            g.edges.map((e) => [
              e.onTargetPath ? '*' : '',
              name.get(e.from),
              '→',
              name.get(e.to),
              KIND_WORDS[e.kind],
              e.permission ? `permission ${e.permission}` : '',
            ]),
          );
        }
        if (g.campaign) {
          process.stdout.write(`\nTargets of "${g.campaign.field}" (* marks the shortest ways in):\n`);
          for (const t of g.targets) {
            process.stdout.write(
              `  ${t.organisation}: ${t.reached ? 'reachable' : 'no way in yet'} (${t.shown} of ${t.contactsInside} people shown)\n`,
            );
          }
        }
        if (g.truncated) process.stdout.write('\nSome introductions were left out: there are too many to draw.\n');
      },
    };
  });
}
