// The baseline: node:http answering a JSON body of the same size as /api/health, nothing else.
import http from 'node:http';

const body = JSON.stringify({
  status: 'OK',
  version: '0.1.0',
  uptimeInMillis: 123456,
  checkedAt: '2026-12-04T16:00:00.000Z',
  database: { status: 'OK', dialect: 'SQLITE', latencyInMillis: 0.05 },
});
const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close());
