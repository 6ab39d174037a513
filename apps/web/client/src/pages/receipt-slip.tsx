import { useEffect, useRef } from 'react';
import type { Receipt } from '../api/types';
import { formatTime } from '../domain/deadline';
import { agencyLabel } from '../domain/labels';

/** The receipt, shown large for reading out and printable as a slip (print CSS hides everything else). */
export function ReceiptSlip({
  receipt,
  onNext,
}: {
  receipt: Receipt & { title: string; agency?: string };
  onNext: () => void;
}) {
  const nextButton = useRef<HTMLButtonElement>(null);
  useEffect(() => nextButton.current?.focus(), []);
  return (
    <div className="receipt-screen">
      <section className="card receipt-slip" aria-label="受理回执" data-testid="receipt">
        <h1>受理回执</h1>
        <p className="muted">一门进出 · 政法服务中心</p>
        <p className="receipt-label">受理编号</p>
        <p className="receipt-no" data-testid="receipt-no">
          {receipt.receiptNo}
        </p>
        <dl>
          <dt>事项</dt>
          <dd>{receipt.title}</dd>
          <dt>受理时间</dt>
          <dd>{formatTime(receipt.receivedAt)}</dd>
          {receipt.agency && (
            <>
              <dt>预计承办</dt>
              <dd>{agencyLabel(receipt.agency)}</dd>
            </>
          )}
        </dl>
        <p className="small">
          凭受理编号和手机号后四位，可在「进度查询」页面（{location.origin}/status）查询办理进度。
        </p>
      </section>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          打印回执
        </button>
        <button type="button" className="primary" ref={nextButton} onClick={onNext}>
          继续受理下一位
        </button>
      </div>
    </div>
  );
}
