/**
 * The SWF connection both programs share. createSwfClient() talks to the local server when
 * AWS_ENDPOINT_URL_SWF points at one (`pnpm worker` and `pnpm start` read it from local.env), and
 * to Amazon SWF through the AWS SDK's default region and credentials chain when it is unset.
 */
import { createSwfClient } from '@swirl/client';

export const DOMAIN = process.env['SWIRL_DOMAIN'] ?? '__DOMAIN__';

export const swf = createSwfClient();
