import type { FC, ReactNode } from 'react';
import { Button, Tooltip, type ButtonProps } from '@patternfly/react-core';

/** A button that stays focusable when not allowed and says why in a tooltip (RBAC-aware actions). */
export const ActionButton: FC<
  { allowed: boolean; reason?: string; children: ReactNode; testId: string } & Omit<ButtonProps, 'children'>
> = ({ allowed, reason, children, testId, ...props }) => (
  <Tooltip
    content={reason}
    trigger={allowed ? 'manual' : 'mouseenter focus'}
    isVisible={allowed ? false : undefined}
  >
    <Button
      {...props}
      isAriaDisabled={!allowed || props.isAriaDisabled}
      data-test={testId}
      data-reason={allowed ? undefined : reason}
    >
      {children}
    </Button>
  </Tooltip>
);
