import { Controller, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiKeyGuard, type KeyedRequest, RateLimitGuard } from '../auth/ingest-access.guards';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { type GatewayConfig } from '../config/gateway.config';
import { ApiErrors } from '../http/api-errors';
import { isUtf8MediaType } from '../http/media-type';
import { type KeyedRecord } from '../kafka/keyed-record';
import { ArticleProducer } from '../kafka/article-producer';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { type RateLimiter } from '../rate-limit/token-bucket';
import { BULK_ARTICLE_LIMITER } from './bulk-article-limiter.token';
import { type BulkReport } from './bulk-report';
import { IngestBulkDocs } from './ingest-bulk.docs';
import { BULK_LIMITS, ingestNdjson } from './ingest-ndjson';

/** 200 all stored, 207 some lines rejected, 400 none accepted: a client can branch on the status alone. */
const statusOf = (report: BulkReport): HttpStatus =>
  report.rejected === 0 ? HttpStatus.OK : report.accepted > 0 ? HttpStatus.MULTI_STATUS : HttpStatus.BAD_REQUEST;

@ApiTags('ingest')
@Controller('v1')
@UseGuards(ApiKeyGuard, RateLimitGuard)
export class IngestBulkController {
  constructor(
    private readonly producer: ArticleProducer,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly metrics: IngestMetrics,
    @Inject(BULK_ARTICLE_LIMITER) private readonly articles: RateLimiter,
  ) {}

  // The colon is escaped: unescaped, the router would read `:bulk` as a path parameter.
  @Post('articles\\:bulk')
  @IngestBulkDocs()
  async ingestBulk(@Req() request: KeyedRequest, @Res({ passthrough: true }) response: { status(code: number): unknown }): Promise<BulkReport> {
    if (!isUtf8MediaType(request.headers['content-type'], 'application/x-ndjson')) throw ApiErrors.unsupportedMediaType('application/x-ndjson');
    // Not destroyed on an early exit (a Kafka failure), so the client still gets the 503.
    const body = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    const key = request.apiKeyId ?? '';
    // A batch over the key's article budget waits its turn; with the batches in flight bounded, the body is then read
    // at the budget's pace, so a client is slowed by TCP flow control instead of losing lines.
    const send = async (records: KeyedRecord[]) => {
      const waitMs = this.articles.reserve(key, records.length);
      if (waitMs > 0) await sleep(waitMs);
      return this.producer.send(records);
    };
    const report = await ingestNdjson(body, send, { ...BULK_LIMITS, maxBodyBytes: this.config.MAX_BODY_BYTES });
    this.metrics.count('bulk', report.accepted, report.rejected);
    if (report.accepted + report.rejected === 0) throw ApiErrors.emptyBulk();
    response.status(statusOf(report));
    return report;
  }
}
