import type { RequestScope } from './scope';

export { LoaderRegistry } from './scope';

/**
 * What every resolver receives. Today it is exactly the request's scope (the HTTP layer makes one
 * per request), so resolvers hand it to services as is; services should name `RequestScope`, which
 * command-line jobs can make too.
 */
export type RequestContext = RequestScope;
