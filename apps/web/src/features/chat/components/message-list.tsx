import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ChatUIMessage } from '../transport';
import { BusyContext } from '../../../components/busy';
import { MessageItem, type MessageActions } from './message-item';

interface MessageListProps extends MessageActions {
  messages: ChatUIMessage[];
  canWrite: boolean;
  busy: boolean;
  /** Waiting for the reply's first words. */
  thinking: boolean;
  votes: Map<string, boolean>;
  /** Shown when there are no messages yet. */
  empty: ReactNode;
}

/** The virtualised list and where it puts a row. Sizes and offsets go in inline styles: in `sx`, every new one would make a new CSS class. */
const LIST = { position: 'relative', maxWidth: 820, mx: 'auto' } as const;
const ROW = { position: 'absolute', top: 0, left: 0, width: '100%' } as const;

/** How close to the bottom (px) counts as reading the newest message, so new text keeps it in view. */
const STICK_DISTANCE = 120;

/**
 * The conversation, virtualised: only the messages on screen are in the
 * page, so a chat of hundreds of messages scrolls as smoothly as a short one.
 */
export function MessageList({ messages, canWrite, busy, thinking, votes, empty, ...actions }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => messages[index]?.id ?? index,
  });
  const lastReplyIndex = messages.findLastIndex((message) => message.role === 'assistant');
  const tail = messages.at(-1);
  const lastPart = tail?.parts.at(-1);
  // Changes whenever the newest message grows: a new part, or more text in its last one.
  const tailSize = `${tail?.id}:${tail?.parts.length}:${lastPart && 'text' in lastPart ? lastPart.text.length : 0}`;

  // New messages and streamed text keep the newest message in view, unless the reader has scrolled up.
  useEffect(() => {
    if (!stuck.current || messages.length === 0) return;
    virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, tailSize, thinking, virtualizer]);

  const onScroll = () => {
    const element = scroller.current;
    if (element) stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_DISTANCE;
  };

  // Busy reaches the messages through a context, so a change re-renders their edit controls, not every message.
  return (
    <BusyContext value={busy}>
      <Box ref={scroller} onScroll={onScroll} role="log" aria-label="Messages" aria-live="polite" aria-busy={busy} tabIndex={0} sx={{ flex: 1, minHeight: 0, overflowY: 'auto', px: { xs: 1, sm: 2 } }}>
        {messages.length === 0 ? (
          empty
        ) : (
          <Box sx={LIST} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const message = messages[item.index];
              // The virtualiser can still hold a row for a message just removed (an edit, a regenerate).
              if (!message) return null;
              return (
                <Box key={item.key} data-index={item.index} ref={virtualizer.measureElement} sx={ROW} style={{ transform: `translateY(${item.start}px)` }}>
                  <MessageItem message={message} canWrite={canWrite} isLastReply={item.index === lastReplyIndex} replying={busy && item.index === lastReplyIndex} vote={votes.get(message.id)} {...actions} />
                </Box>
              );
            })}
          </Box>
        )}
        {thinking && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', maxWidth: 820, mx: 'auto', py: 1 }}>
            <CircularProgress size={16} aria-hidden />
            <Typography variant="body2" color="text.secondary">
              Thinking…
            </Typography>
          </Stack>
        )}
      </Box>
    </BusyContext>
  );
}
