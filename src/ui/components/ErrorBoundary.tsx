import React, { type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** Told once, with the error that broke the screen; whoever opened the screen ends it cleanly. */
  onError: (error: Error) => void;
  children: ReactNode;
}

/** Keeps Ink from printing a stack trace over the screen when a component fails: it draws nothing. */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error instanceof Error ? error : new Error(String(error)));
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
