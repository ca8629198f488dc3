// Page tokens are tamper-evident and live 24 hours, as SWF's do: a forged or expired token is a ValidationException, never a 500.
import { describe, expect, it } from 'vitest';
import { DOMAIN, Harness, WORKFLOW } from './harness.js';

const HOUR_MS = 60 * 60 * 1_000;
const forged = (cursor: Record<string, unknown>): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

async function expectValidation(call: Promise<unknown>, message: string | RegExp): Promise<void> {
  await expect(call).rejects.toMatchObject({ faultName: 'ValidationException', message: expect.stringMatching(message) });
}

/** A harness with three domains, so ListDomains with a page size of 1 gives a token. */
async function withThreeDomains(): Promise<Harness> {
  const harness = await Harness.create();
  for (const name of ['b-domain', 'c-domain']) {
    await harness.call('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '1' });
  }
  return harness;
}

describe('page tokens', () => {
  it('pages with the tokens the server issued', async () => {
    const harness = await withThreeDomains();
    const first = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    const second = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1, nextPageToken: first.nextPageToken });
    expect([...first.domainInfos, ...second.domainInfos].map((domain: { name: string }) => domain.name)).toHaveLength(2);
    expect(second.domainInfos[0].name).not.toBe(first.domainInfos[0].name);
  });

  const now = Date.UTC(2024, 0, 1);
  const listings: [string, Record<string, unknown>, string][] = [
    ['ListDomains', { registrationStatus: 'REGISTERED' }, 'ListDomains'],
    ['ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED' }, 'ListWorkflowTypes'],
    ['ListActivityTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED' }, 'ListActivityTypes'],
    ['ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } }, 'ListOpenWorkflowExecutions'],
  ];
  it.each(listings)('refuses a forged cursor in %s with ValidationException (it used to reach the sort and answer 500)', async (operation, input, kind) => {
    const harness = await Harness.create();
    await harness.call('StartWorkflowExecution', { domain: DOMAIN, workflowId: 'w', workflowType: WORKFLOW });
    for (const token of [
      forged({ kind, after: null, issuedAt: now }),
      `${forged({ kind, after: null, issuedAt: now })}.AAAA`,
      'not a token at all',
      '.',
    ]) {
      await expectValidation(harness.call(operation as never, { ...input, nextPageToken: token }), /^Invalid nextPageToken/);
    }
  });

  it('refuses a real token whose cursor was edited', async () => {
    const harness = await withThreeDomains();
    const { nextPageToken } = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    const [payload, signature] = (nextPageToken as string).split('.');
    const cursor = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const edited = `${forged({ ...cursor, after: null })}.${signature}`;
    await expectValidation(harness.call('ListDomains', { registrationStatus: 'REGISTERED', nextPageToken: edited }), /^Invalid nextPageToken/);
  });

  it('refuses a token of another listing', async () => {
    const harness = await withThreeDomains();
    const { nextPageToken } = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    await expectValidation(
      harness.call('ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED', nextPageToken }),
      'Invalid nextPageToken: this token was not issued for ListWorkflowTypes',
    );
  });

  it('accepts a token for 24 hours, then answers with the real service wording', async () => {
    const harness = await withThreeDomains();
    const { nextPageToken } = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    await harness.clock.advance(23 * HOUR_MS);
    await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1, nextPageToken });
    await harness.clock.advance(2 * HOUR_MS);
    await expectValidation(
      harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1, nextPageToken }),
      /^Specified token has exceeded its maximum lifetime$/,
    );
  });
});
