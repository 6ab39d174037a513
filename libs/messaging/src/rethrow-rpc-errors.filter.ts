import { applyDecorators, Catch, Controller, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest replaces errors thrown by message handlers with a generic object. The Kafka transport needs the
 * original error to tell "database away" from "this message is bad", so this filter passes it through.
 */
@Catch()
export class RethrowRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a controller holding Kafka `@EventPattern` handlers. Hybrid apps cannot register global filters on
 * the microservice, so the filter that keeps original errors is bound here.
 */
export function KafkaEventsController(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(RethrowRpcErrorsFilter));
}
