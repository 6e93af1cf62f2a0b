// A component that fails must not put a stack trace on the screen: the boundary draws nothing and
// tells whoever opened the screen, which ends it with a one-line message.
import React from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/components/ErrorBoundary';

function Broken(): React.ReactNode {
  throw new Error('the table broke');
}

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

describe('ErrorBoundary', () => {
  it('hands the error over and shows no stack trace', async () => {
    const errors: Error[] = [];
    // React reports the caught error on the console too; the screen's console is not the terminal here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const instance = render(
      <ErrorBoundary onError={(error) => errors.push(error)}>
        <Broken />
      </ErrorBoundary>,
    );
    unmount = instance.unmount;
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    quiet.mockRestore();
    expect(errors[0]?.message).toBe('the table broke');
    expect(instance.lastFrame() ?? '').not.toMatch(/at |Error/);
  });

  it('shows its children while they work', () => {
    const instance = render(
      <ErrorBoundary onError={() => {}}>
        <Text>fine</Text>
      </ErrorBoundary>,
    );
    unmount = instance.unmount;
    expect(instance.lastFrame()).toBe('fine');
  });
});
