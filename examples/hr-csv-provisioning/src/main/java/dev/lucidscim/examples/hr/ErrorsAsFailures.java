package dev.lucidscim.examples.hr;

import dev.lucidscim.error.OneLine;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Makes an {@link Error} thrown by a step of the HR routes (a {@link StackOverflowError}, say) fail the exchange as
 * an exception would. Camel's processors catch exceptions only: an Error escapes to the file consumer's poll thread,
 * the file keeps its {@code .camelLock} and stays in flight, and the inbox never reads another file. As a failure it
 * goes the usual way instead: logged by the error handler, the file moved to {@code .failed}, the listener told, and
 * the next file read.
 */
final class ErrorsAsFailures implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                HeldCallback held = new HeldCallback(callback);
                boolean doneSync;
                try {
                    doneSync = processor.process(exchange, held);
                } catch (Error error) {
                    exchange.setException(new IllegalStateException(OneLine.of("A step of the HR feed threw "
                                                                                + error), error));
                    held.stepThrew();
                    return true;
                }
                held.stepReturned();
                return doneSync;
            }
        };
    }

    /**
     * Holds back a call back made while the step runs. Camel's adapter of a synchronous step calls back in a
     * {@code finally} block, so before the Error reaches the wrapper; the error handler decides on that call whether
     * the exchange failed. Held back, the call goes on only once the exchange carries the failure.
     */
    private static final class HeldCallback implements AsyncCallback {
        private final AsyncCallback callback;
        private boolean stepRunning = true;
        private boolean held;
        private boolean heldDoneSync;

        HeldCallback(AsyncCallback callback) {
            this.callback = callback;
        }

        @Override
        public void done(boolean doneSync) {
            synchronized (this) {
                if (stepRunning) {
                    held = true;
                    heldDoneSync = doneSync;
                    return;
                }
            }
            callback.done(doneSync);
        }

        /** The step returned: a call back held meanwhile goes on now; a later one goes straight on. */
        void stepReturned() {
            boolean release;
            synchronized (this) {
                stepRunning = false;
                release = held;
            }
            if (release) {
                callback.done(heldDoneSync);
            }
        }

        /** The step threw: what it called back is dropped, and the exchange, failed now, goes on. */
        void stepThrew() {
            synchronized (this) {
                stepRunning = false;
            }
            callback.done(true);
        }
    }
}
