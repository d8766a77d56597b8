package io.borderlink.adapters.partner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer from a partner or a feed up to a limit and no further: a partner that streams without end
 * cannot fill the heap. Past the limit the read is cancelled and fails with {@link TooLarge}.
 */
public final class BoundedBody {

    private BoundedBody() {}

    /** A body handler that keeps at most {@code limit} bytes. */
    public static HttpResponse.BodyHandler<byte[]> upTo(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                return BodySubscribers.replacing(null);
            }
            return new Subscriber(limit);
        };
    }

    /** The answer was longer than the limit (declared so, or found so while reading). */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer exceeds " + limit + " bytes");
        }
    }

    /** Whether a read ended because the answer was too large (a null body from a declared length over it). */
    public static byte[] require(byte[] body, long limit) throws TooLarge {
        if (body == null) {
            throw new TooLarge(limit);
        }
        return body;
    }

    private static final class Subscriber implements BodySubscriber<byte[]> {

        private final long limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
