/**
 * A PatternFly Tooltip that exists only while its text is hovered or focused. A table with a Tooltip per cell
 * pays for each one's Popper on every mount (profiled at ~1 ms per row while typing in the VM networks search);
 * this one costs a span until the user points at it. Keyboard: focusable, Escape hides.
 */
import { useRef, useState, type FC, type ReactNode } from 'react';
import { Tooltip } from '@patternfly/react-core';

type Props = {
  /** What the tooltip says; a function is called only when it shows. */
  content: ReactNode | (() => ReactNode);
  children: ReactNode;
  className?: string;
  'data-test'?: string;
  /**
   * A Tab stop (default). Off for values repeated on every row (IP addresses): the tooltip still shows on hover
   * and on programmatic focus, and keyboard users do not tab through hundreds of addresses.
   */
  tabStop?: boolean;
};

export const LazyTooltip: FC<Props> = ({
  content,
  children,
  className,
  'data-test': dataTest,
  tabStop = true,
}) => {
  const ref = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(false);
  const show = () => setShown(true);
  const hide = () => setShown(false);
  return (
    <span
      ref={ref}
      tabIndex={tabStop ? 0 : -1}
      className={className}
      data-test={dataTest}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && shown) {
          e.stopPropagation();
          hide();
        }
      }}
    >
      {children}
      {/* manual + isVisible: Popper still waits its entry delay, so sweeping the mouse over the table shows nothing. */}
      {shown && (
        <Tooltip
          content={typeof content === 'function' ? content() : content}
          triggerRef={ref}
          trigger="manual"
          isVisible
        />
      )}
    </span>
  );
};
