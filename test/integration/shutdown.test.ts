import { describe, expect, it } from 'vitest';
import { bootTestServer, discoveredRegionIds } from '../helpers/boot';

describe('graceful shutdown', () => {
  it('when the server stops while a request is in flight, then that request is answered and new connections are refused', async () => {
    const api = await bootTestServer();
    try {
      const encoder = new TextEncoder();
      let sendRest: () => void = () => undefined;
      const restSent = new Promise<void>((resolve) => (sendRest = resolve));
      // A request whose body arrives in two parts, so it is still in flight when the stop begins.
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('{"query":"{ regions '));
          await restSent;
          controller.enqueue(encoder.encode('{ id } }"}'));
          controller.close();
        },
      });
      const inFlight = fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));

      const stopped = api.server.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(fetch(api.url.replace(/graphql$/, 'health'))).rejects.toThrow();

      sendRest();
      const response = await inFlight;
      expect(response.status).toBe(200);
      const json = (await response.json()) as { data: { regions: { id: string }[] } };
      expect(json.data.regions.map((r) => r.id).sort()).toEqual(await discoveredRegionIds());
      await stopped;
    } finally {
      await api.close();
    }
  });
});
