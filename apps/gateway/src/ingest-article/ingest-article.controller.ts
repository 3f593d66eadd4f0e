import { Controller, HttpCode, HttpStatus, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type IncomingMessage } from 'node:http';
import { maxArticleBytes, parseArticle } from '@app/contracts';
import { ApiKeyGuard, RateLimitGuard } from '../auth/ingest-access.guards';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import { type GatewayConfig } from '../config/gateway.config';
import { ApiErrors } from '../http/api-errors';
import { isUtf8MediaType } from '../http/media-type';
import { readBody } from '../http/read-body';
import { ArticleProducer } from '../kafka/article-producer';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { IngestArticleDocs } from './ingest-article.docs';

export interface AcceptedArticle {
  readonly id: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Fields the article carried that the contract does not know: dropped, and named so a misspelling shows. */
  readonly ignoredFields?: readonly string[];
}

@ApiTags('ingest')
@Controller('v1')
@UseGuards(ApiKeyGuard, RateLimitGuard)
export class IngestArticleController {
  constructor(
    private readonly producer: ArticleProducer,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly metrics: IngestMetrics,
  ) {}

  // The body is read here, after the guards, so an unauthenticated or rate-limited caller costs no upload.
  @Post('articles')
  @HttpCode(HttpStatus.ACCEPTED)
  @IngestArticleDocs()
  async ingest(@Req() request: IncomingMessage): Promise<AcceptedArticle> {
    if (!isUtf8MediaType(request.headers['content-type'], 'application/json')) throw ApiErrors.unsupportedMediaType('application/json');
    const maxBodyBytes = this.config.MAX_BODY_BYTES;
    const parsed = parseArticle(await readBody(request, maxArticleBytes(maxBodyBytes)), maxBodyBytes);
    if (!parsed.ok) {
      this.metrics.count('single', 0, 1);
      throw ApiErrors.invalidArticle(parsed.rejections);
    }
    const { id } = parsed.value;
    const [ack] = await this.producer.send([{ key: id, value: JSON.stringify(parsed.value) }]);
    this.metrics.count('single', 1, 0);
    const accepted = { id, topic: ack.topicName, partition: ack.partition, offset: ack.baseOffset ?? ack.offset ?? '' };
    return parsed.ignoredFields === undefined ? accepted : { ...accepted, ignoredFields: parsed.ignoredFields };
  }
}
