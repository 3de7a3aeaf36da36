import { useState, type FC } from 'react';
import {
  Button,
  CodeBlock,
  CodeBlockAction,
  CodeBlockCode,
  ClipboardCopyButton,
} from '@patternfly/react-core';
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
        <ClipboardCopyButton
          id="yaml-preview-copy"
          textId="yaml-preview-code"
          aria-label={t('Copy YAML')}
          onClick={copy}
          exitDelay={copied ? 1500 : 600}
          variant="plain"
          onTooltipHidden={() => setCopied(false)}
        >
          {copied ? t('Copied') : t('Copy YAML')}
        </ClipboardCopyButton>
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
