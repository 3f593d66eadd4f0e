import { Module } from '@nestjs/common';
import { ArticleProducer } from './article-producer';

/** The producer in a module of its own, so that the health module can import it for the Kafka readiness check. */
@Module({ providers: [ArticleProducer], exports: [ArticleProducer] })
export class ArticleProducerModule {}
