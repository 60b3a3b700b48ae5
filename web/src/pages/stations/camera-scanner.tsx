import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (opts: { formats: string[] }) => BarcodeDetectorLike;

/** The browser's own QR reader where it has one (Chrome on Android, macOS, ChromeOS), else null. */
function nativeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    return new Detector({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

/** Loads the JS decoder ahead of need, so a station that goes offline still has it (the service worker keeps it). */
export function preloadDecoder(): void {
  if (!(globalThis as { BarcodeDetector?: unknown }).BarcodeDetector)
    void import('jsqr').catch(() => undefined);
}

/**
 * Reads a QR code with the camera: frames from getUserMedia, decoded by `BarcodeDetector` when the browser has it,
 * else by jsQR over a canvas copy of the frame. Calls `onText` with the first code read and closes the camera.
 */
export function CameraScanner({ onText, onClose }: { onText: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation('stations');
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const native = nativeDetector();
    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch (err) {
        setProblem((err as Error).name === 'NotAllowedError' ? t('scan.cameraDenied') : t('scan.noCamera'));
        return;
      }
      if (stopped || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const decode = native ? undefined : (await import('jsqr')).default;
      const tick = async () => {
        if (stopped || !video.current) return;
        const v = video.current;
        let text: string | undefined;
        if (v.videoWidth > 0) {
          if (native) {
            text = (await native.detect(v).catch(() => []))[0]?.rawValue;
          } else if (decode && context) {
            canvas.width = v.videoWidth;
            canvas.height = v.videoHeight;
            context.drawImage(v, 0, 0);
            const frame = context.getImageData(0, 0, canvas.width, canvas.height);
            text = decode(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data;
          }
        }
        if (text && !stopped) {
          onText(text);
          return;
        }
        timer = setTimeout(() => void tick(), 150);
      };
      void tick();
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onText, t]);

  return (
    <div className="st-camera" data-testid="camera">
      {problem ? (
        <p className="notice notice-error">{problem}</p>
      ) : (
        <video ref={video} className="st-camera-video" muted playsInline />
      )}
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('scan.close')}
      </button>
    </div>
  );
}
