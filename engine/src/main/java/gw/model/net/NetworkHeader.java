package gw.model.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The JSON header of a {@link NetworkFile}, read without its payload and without ND4J: the magic, the header, and
 * the file's length against the header's payload size (so a truncated file is caught here). The payload's SHA-256
 * and the tensors are checked when the network is loaded ({@link NetworkFile#decode}).
 */
public final class NetworkHeader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HEADER = 1 << 20;

    private NetworkHeader() {
    }

    /** The header of {@code file}; InvalidModelFileException naming the problem. */
    public static JsonNode read(Path file) {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            byte[] start = in.readNBytes(NetworkFile.MAGIC.length + 4);
            if (start.length < NetworkFile.MAGIC.length + 4
                    || !Arrays.equals(Arrays.copyOf(start, NetworkFile.MAGIC.length), NetworkFile.MAGIC)) {
                throw new InvalidModelFileException(file + " is not a Guidance Workbench network file (no GWNET01 "
                        + "magic)");
            }
            int length = ByteBuffer.wrap(start, NetworkFile.MAGIC.length, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length <= 0 || length > MAX_HEADER || length > size - start.length) {
                throw new InvalidModelFileException(file + " is truncated or corrupt (header length " + length + ")");
            }
            head = in.readNBytes(length);
        } catch (NoSuchFileException e) {
            throw new InvalidModelFileException(file + " does not exist");
        } catch (IOException e) {
            throw new InvalidModelFileException(file + " cannot be read: " + e.getMessage());
        }
        JsonNode header;
        try {
            header = JSON.readTree(head);
        } catch (JsonProcessingException e) {
            throw new InvalidModelFileException(file + " has an unreadable header: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidModelFileException(file + " has an unreadable header");
        }
        if (header == null || !NetworkFile.FORMAT.equals(header.path("format").asText())
                || header.path("version").asInt() != NetworkFile.VERSION) {
            throw new InvalidModelFileException(file + ": header is not " + NetworkFile.FORMAT + " version "
                    + NetworkFile.VERSION);
        }
        long payload = size - NetworkFile.MAGIC.length - 4 - head.length;
        long expected = header.path("payloadBytes").asLong(-1);
        if (payload != expected) {
            throw new InvalidModelFileException(file + " is truncated or has trailing bytes: payload " + payload
                    + " bytes, header says " + expected);
        }
        return header;
    }

    /** The length of the tensor {@code name} in the header's table, or -1. */
    public static long tensorLength(JsonNode header, String name) {
        for (JsonNode t : header.path("tensors")) {
            if (name.equals(t.path("name").asText())) {
                return t.path("length").asLong(-1);
            }
        }
        return -1;
    }
}
