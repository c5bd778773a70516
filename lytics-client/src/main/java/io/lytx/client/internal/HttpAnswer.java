package io.lytx.client.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * What {@link SizeCappedReader} needs of an HTTP answer, whichever exchange received it. Used by one
 * thread at a time.
 */
interface HttpAnswer {

    /** @return the HTTP status */
    int status();

    /**
     * @param name a header name
     * @return the header's first value, null when absent
     */
    String header(String name);

    /**
     * @return the body's stream, null when there is none
     * @throws IOException when the body cannot be opened
     */
    InputStream body() throws IOException;
}
