import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import DownloadRounded from '@mui/icons-material/DownloadRounded';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ExportFormat, Story } from '@storyos/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { EXPORT_FILE_TYPES, saveFile, storiesApi } from '../api';
import { words } from '../labels';
import { StepLayout } from './step-layout';

const FORMATS: readonly ExportFormat[] = ['markdown', 'text', 'docx'];

/** The Clipboard API where the page may use it; the old copy command where it may not (plain http). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying. Download the Markdown file instead.');
}

export function ExportStep({ story }: { story: Story }) {
  const [notice, setNotice] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: (format: ExportFormat) => storiesApi.exportFile(story.id, format, story.title),
    onSuccess: (file) => {
      saveFile(file);
      setNotice(`Downloaded ${file.filename}.`);
    },
  });
  const copy = useMutation({
    mutationFn: async () => {
      const file = await storiesApi.exportFile(story.id, 'markdown', story.title);
      await copyText(await file.blob.text());
    },
    onSuccess: () => setNotice('The story is on the clipboard, as Markdown.'),
  });
  const chapters = story.outline?.outline?.chapters.length ?? 0;

  return (
    <StepLayout
      title="Export"
      description="Take the story with you: Markdown keeps the headings, plain text goes anywhere, DOCX opens in Word and Google Docs."
    >
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        “{story.title}” · {words(story.wordCount)}
        {chapters > 0 ? ` · ${chapters === 1 ? '1 chapter' : `${chapters} chapters`} planned` : ''}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: { xs: 'stretch', sm: 'center' } }}>
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant={format === 'markdown' ? 'contained' : 'outlined'}
            startIcon={<DownloadRounded />}
            onClick={() => {
              setNotice(null);
              download.mutate(format);
            }}
            disabled={download.isPending}
          >
            {download.isPending && download.variables === format ? 'Preparing…' : `Download ${EXPORT_FILE_TYPES[format].label}`}
          </Button>
        ))}
        <Button
          variant="outlined"
          startIcon={<ContentCopyRounded />}
          onClick={() => {
            setNotice(null);
            copy.mutate();
          }}
          disabled={copy.isPending}
        >
          {copy.isPending ? 'Copying…' : 'Copy to clipboard'}
        </Button>
      </Stack>
      <ErrorAlert error={download.error ?? copy.error} />
      {notice && (
        <Alert severity="success" role="status" sx={{ mt: 2 }}>
          {notice}
        </Alert>
      )}
    </StepLayout>
  );
}
