import { Controller, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type IncomingMessage } from 'node:http';
import { ApiKeyGuard, RateLimitGuard } from '../auth/ingest-access.guards';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { type GatewayConfig } from '../config/gateway.config';
import { ApiErrors } from '../http/api-errors';
import { isUtf8MediaType } from '../http/media-type';
import { ArticleProducer } from '../kafka/article-producer';
import { IngestMetrics } from '../metrics/ingest-metrics';
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
  ) {}

  // The colon is escaped: unescaped, the router would read `:bulk` as a path parameter.
  @Post('articles\\:bulk')
  @IngestBulkDocs()
  async ingestBulk(@Req() request: IncomingMessage, @Res({ passthrough: true }) response: { status(code: number): unknown }): Promise<BulkReport> {
    if (!isUtf8MediaType(request.headers['content-type'], 'application/x-ndjson')) throw ApiErrors.unsupportedMediaType('application/x-ndjson');
    // Not destroyed on an early exit (a Kafka failure), so the client still gets the 503.
    const body = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    const report = await ingestNdjson(body, (records) => this.producer.send(records), { ...BULK_LIMITS, maxBodyBytes: this.config.MAX_BODY_BYTES });
    this.metrics.count('bulk', report.accepted, report.rejected);
    if (report.accepted + report.rejected === 0) throw ApiErrors.emptyBulk();
    response.status(statusOf(report));
    return report;
  }
}
