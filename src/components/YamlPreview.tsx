import { useState, type FC } from 'react';
import { Button, CodeBlock, CodeBlockAction, CodeBlockCode, Tooltip } from '@patternfly/react-core';
import { CopyIcon } from '@patternfly/react-icons/dist/esm/icons/copy-icon';
import { DownloadIcon } from '@patternfly/react-icons/dist/esm/icons/download-icon';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n/ns';

/** Live YAML of what will be sent, with copy and download. Anyone may take the YAML, whatever they may create. */
export const YamlPreview: FC<{ yaml: string; filename: string }> = ({ yaml, filename }) => {
  const { t } = useTranslation(NS);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(yaml).then(() => setCopied(true));
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const actions = (
    <>
      <CodeBlockAction>
        {/* PatternFly's ClipboardCopyButton hands its required textId to the DOM (a React warning): a plain button. */}
        <Tooltip
          content={copied ? t('Copied') : t('Copy YAML')}
          exitDelay={copied ? 1500 : 600}
          onTooltipHidden={() => setCopied(false)}
        >
          <Button
            id="yaml-preview-copy"
            variant="plain"
            aria-label={t('Copy YAML')}
            icon={<CopyIcon />}
            onClick={copy}
            data-test="yaml-copy"
          />
        </Tooltip>
      </CodeBlockAction>
      <CodeBlockAction>
        <Button
          variant="plain"
          aria-label={t('Download YAML')}
          icon={<DownloadIcon />}
          onClick={download}
          data-test="yaml-download"
        />
      </CodeBlockAction>
    </>
  );
  return (
    <CodeBlock actions={actions}>
      <CodeBlockCode id="yaml-preview-code" data-test="yaml-preview">
        {yaml}
      </CodeBlockCode>
    </CodeBlock>
  );
};
