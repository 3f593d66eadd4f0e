import { Injectable } from '@nestjs/common';
import { type ReadinessCheck } from '@app/platform';
import { ArticleProducer } from './article-producer';

/**
 * Ready while the producer is connected and the cluster answers. The gateway runs without Kafka (writes answer
 * 503), but an orchestrator should send it traffic only when it can store what it accepts.
 */
@Injectable()
export class KafkaReadiness implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(private readonly producer: ArticleProducer) {}

  check(): Promise<void> {
    return this.producer.ready();
  }
}
