import { trace } from '@opentelemetry/api';
import { startTracing, stopTracing } from './tracing';

describe('tracing', () => {
  afterEach(() => stopTracing());

  it('is off by default: no tracer provider is registered', () => {
    expect(startTracing('orders', false)).toBe(false);
    expect(trace.getTracer('probe').startSpan('x').isRecording()).toBe(false);
  });

  it('records spans once enabled', () => {
    expect(startTracing('orders', true, 'http://127.0.0.1:4318')).toBe(true);
    // Not ended, so shutting down has nothing to export to the (absent) collector.
    expect(trace.getTracer('probe').startSpan('x').isRecording()).toBe(true);
  });
});
