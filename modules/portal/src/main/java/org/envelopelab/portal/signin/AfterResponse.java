package org.envelopelab.portal.signin;

import io.javalin.http.Context;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs work after the response to a request is complete — written out, or failed. The passcode
 * mail goes this way: a recipient's answer must neither wait for it nor share the machine with it
 * while it is being written, or it would take longer than a stranger's. So the work starts a
 * moment after the response, once even a busy two-core machine has sent it and closed the
 * connection, on a thread of Jetty's pool: on the completing thread itself it would hold up the
 * close of a "Connection: close" request, which a stranger's request would not have to wait for.
 * Jetty calls {@link #onComplete} for every request on the connector this is a bean of.
 */
public final class AfterResponse implements HttpChannel.Listener {

    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final String PENDING = AfterResponse.class.getName();

    /** Work handed to this runs after the response to this request. */
    static Executor of(Context ctx) {
        return work -> pending(ctx).add(work);
    }

    @Override
    public void onComplete(Request request) {
        if (request.getAttribute(PENDING) instanceof List<?> pending) {
            HttpChannel channel = request.getHttpChannel();
            Executor pool = channel.getServer().getThreadPool();
            for (Object work : pending) {
                channel.getScheduler().schedule(() -> pool.execute((Runnable) work), PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Runnable> pending(Context ctx) {
        Object pending = ctx.req().getAttribute(PENDING);
        if (pending == null) {
            pending = new ArrayList<Runnable>();
            ctx.req().setAttribute(PENDING, pending);
        }
        return (List<Runnable>) pending;
    }
}
