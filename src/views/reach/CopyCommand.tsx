import { useState, type FC } from 'react';
import { Button, CodeBlock, CodeBlockAction, CodeBlockCode, Tooltip } from '@patternfly/react-core';
import { CopyIcon } from '@patternfly/react-icons/dist/esm/icons/copy-icon';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';

/** A command (or a config stanza) as text, with a copy button. The text is rendered as text, never as HTML. */
export const CopyCommand: FC<{ text: string; testId: string }> = ({ text, testId }) => {
  const { t } = useTranslation(NS);
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(text).then(() => setCopied(true));
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <Tooltip
            content={copied ? t('Copied') : t('Copy')}
            exitDelay={copied ? 1500 : 600}
            onTooltipHidden={() => setCopied(false)}
          >
            <Button
              variant="plain"
              aria-label={t('Copy')}
              icon={<CopyIcon />}
              onClick={copy}
              data-test={`${testId}-copy`}
            />
          </Tooltip>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode data-test={testId}>{text}</CodeBlockCode>
    </CodeBlock>
  );
};
