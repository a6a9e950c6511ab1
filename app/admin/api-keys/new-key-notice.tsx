'use client';
/** Shows a freshly created API key once, with a copy button. */
import { useState } from 'react';
import { Button } from '@/components/ui/button.tsx';

export function NewKeyNotice({ apiKey, label }: { apiKey: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-semibold">Key “{label}” created. Copy it now: it will not be shown again.</p>
      <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-ink">
        {apiKey}
      </code>
      <Button
        variant="secondary"
        size="sm"
        className="mt-2"
        onClick={async () => {
          await navigator.clipboard.writeText(apiKey);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
