import { type HttpAppSetup } from '@app/platform';
import { type GatewayConfig } from '../config/gateway.config';
import { acceptedArticleSchema, articleJsonSchema } from '../ingest-article/ingest-article.docs';
import { bulkReportSchema } from '../ingest-bulk/ingest-bulk.docs';
import { setupOpenApi } from './openapi';

/** What the gateway adds to the shared HTTP start-up; main.ts and the integration tests both use it. */
export const gatewayHttpSetup: Required<HttpAppSetup<GatewayConfig>> = {
  // No global body parser: the single-article route reads its body after authentication, the bulk route streams it.
  nestOptions: { bodyParser: false },
  configure: (app, config) => {
    setupOpenApi(app, {
      Article: articleJsonSchema(config.MAX_BODY_BYTES),
      AcceptedArticle: acceptedArticleSchema,
      BulkReport: bulkReportSchema,
    });
  },
};
