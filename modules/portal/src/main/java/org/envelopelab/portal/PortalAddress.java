package org.envelopelab.portal;

import org.envelopelab.portal.pages.Links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;

/**
 * Where a portal will listen, bound before the portal exists: the service writes the address
 * into every wrapper's link, so it must know it before the transport runs, and the portal can
 * only be built once the service (and so the transport) is. The socket is bound here and handed
 * to the portal's connector as it is; nobody can take the port in between.
 */
public final class PortalAddress implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    private final ServerSocketChannel channel;
    private final URI uri;

    private PortalAddress(ServerSocketChannel channel, URI uri) {
        this.channel = channel;
        this.uri = uri;
    }

    /**
     * Binds the portal's socket.
     *
     * @param host must be 127.0.0.1: the lab's portal is for this machine only
     * @param port the port, or 0 for any free one
     */
    public static PortalAddress reserve(String host, int port) {
        if (!LOOPBACK.equals(host)) {
            throw new IllegalArgumentException("the portal listens on " + LOOPBACK + " only, not on " + host);
        }
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(LOOPBACK, port));
                int bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                return new PortalAddress(channel, URI.create("http://" + LOOPBACK + ":" + bound + Links.ROOT));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the portal cannot listen on " + LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Where the portal answers, such as {@code http://127.0.0.1:41234/portal}: the base of the wrapper links. */
    public URI uri() {
        return uri;
    }

    ServerSocketChannel channel() {
        return channel;
    }

    /** Releases the port when no portal was started on it after all. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing listens on it any more, which is what closing is for
        }
    }
}
