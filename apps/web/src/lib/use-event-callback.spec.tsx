import { renderHook } from '@testing-library/react';
import { useEventCallback } from './use-event-callback';

describe('useEventCallback', () => {
  it('keeps one function across renders that calls the handler of the latest render', () => {
    const calls: string[] = [];
    const { result, rerender } = renderHook(({ label }: { label: string }) => useEventCallback((suffix: string) => calls.push(`${label}${suffix}`)), { initialProps: { label: 'first' } });
    const initial = result.current;
    rerender({ label: 'second' });
    expect(result.current).toBe(initial);
    result.current('!');
    expect(calls).toEqual(['second!']);
  });

  it('hands back what the handler returns', () => {
    const { result } = renderHook(() => useEventCallback((a: number, b: number) => a + b));
    expect(result.current(2, 3)).toBe(5);
  });
});
