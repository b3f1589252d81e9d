package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lede.media.Media;
import org.lede.user.Role;
import org.lede.web.WebServerTest;

/** What the security review tried against uploads, at the HTTP tier. */
class UploadSafetyTest extends WebServerTest {
    private static final long HUGE = 150L * 1024 * 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void anAnonymousMultipartBodyIsRefusedBeforeItIsRead() throws IOException {
        // Declares 150 MB and sends 64 KB: an answer can only come from a server that did not wait for the rest.
        String status = rawUpload(HUGE, "");
        assertTrue(status.contains(" 401 "), status);
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void aSignedInUploadDeclaringMoreThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        String status = rawUpload(
                HUGE,
                "Cookie: " + NewsroomAuth.SESSION_COOKIE + "=" + writer.sessionCookie() + "\r\nX-CSRF-Token: "
                        + writer.csrf() + "\r\n");
        assertTrue(status.contains(" 413 "), status);
    }

    @Test
    void aSignedInUploadWithoutItsTokenInTheAddressOrAHeaderIsRefused() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> upload =
                writer.uploadWithoutCsrf("/newsroom/media", "a.png", "image/png", png(100, 80), "alt", "A square");
        assertEquals(403, upload.statusCode());
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void aPngFollowedByHtmlIsRefusedAndNothingIsStored() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        byte[] polyglot = concat(png(100, 80), "<html><script>alert(document.cookie)</script></html>".getBytes());
        HttpResponse<String> upload = writer.upload("/newsroom/media", "a.png", "image/png", polyglot, "alt", "A");
        assertEquals(422, upload.statusCode());
        assertTrue(upload.body().contains("after the end of the image"), upload.body());
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void aJpegFollowedByGarbageAndATruncatedPngAreRefused() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        byte[] jpeg = concat(jpeg(120, 90, null), "garbage that is not an image".getBytes());
        assertEquals(
                422,
                writer.upload("/newsroom/media", "a.jpg", "image/jpeg", jpeg, "alt", "A")
                        .statusCode());
        byte[] whole = png(300, 200);
        HttpResponse<String> truncated = writer.upload(
                "/newsroom/media", "b.png", "image/png", Arrays.copyOf(whole, whole.length / 2), "alt", "B");
        assertEquals(422, truncated.statusCode());
        assertTrue(truncated.body().contains("could not be read"), truncated.body());
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void aSixteenBitPngBeyondTheDecodedMemoryBudgetIsRefusedFromItsHeader() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        HttpResponse<String> upload =
                writer.upload("/newsroom/media", "bomb.png", "image/png", sixteenBitPng(7700, 7700), "alt", "Grey");
        assertEquals(422, upload.statusCode());
        assertTrue(upload.body().contains("of memory to open (7700 × 7700 pixels at 6 bytes each)"), upload.body());
        assertTrue(web.newsroom.services.media().latest(10, 0).isEmpty());
    }

    @Test
    void webpIsRefusedWithAClearMessage() {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        byte[] webp = concat("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), new byte[40]);
        HttpResponse<String> upload = writer.upload("/newsroom/media", "a.webp", "image/webp", webp, "alt", "A");
        assertEquals(422, upload.statusCode());
        assertTrue(upload.body().contains("WebP images cannot be checked here"), upload.body());
    }

    @Test
    void aPngTextChunkNeverReachesReaders() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        String secret = "GPS 52.3731N 4.8922E home of the source";
        byte[] tagged = withTextChunk(png(400, 300), "Comment", secret);
        assertTrue(new String(tagged, StandardCharsets.ISO_8859_1).contains(secret), "the test file carries it");
        assertEquals(
                303,
                writer.upload("/newsroom/media", "t.png", "image/png", tagged, "alt", "A")
                        .statusCode());
        Media media = web.newsroom.services.media().latest(1, 0).getFirst();

        HttpResponse<byte[]> original = web.getBytes("/media/" + media.id() + "/400.png");
        assertEquals(200, original.statusCode());
        String served = new String(original.body(), StandardCharsets.ISO_8859_1);
        assertFalse(served.contains(secret), "the text chunk was served");
        assertFalse(served.contains("tEXt"));
        assertEquals(
                400, ImageIO.read(new ByteArrayInputStream(original.body())).getWidth());
    }

    @Test
    void aJpegsExifLocationNeverReachesReaders() throws IOException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        String secret = "GPSLatitude 52.3731 GPSLongitude 4.8922";
        byte[] tagged = jpeg(400, 300, secret);
        assertEquals(
                303,
                writer.upload("/newsroom/media", "t.jpg", "image/jpeg", tagged, "alt", "A")
                        .statusCode());
        Media media = web.newsroom.services.media().latest(1, 0).getFirst();

        HttpResponse<byte[]> original = web.getBytes("/media/" + media.id() + "/400.jpg");
        assertEquals(200, original.statusCode());
        String served = new String(original.body(), StandardCharsets.ISO_8859_1);
        assertFalse(served.contains(secret), "the EXIF segment was served");
        assertFalse(served.contains("Exif"));
        assertEquals(
                400, ImageIO.read(new ByteArrayInputStream(original.body())).getWidth());
    }

    @Test
    void renditionsAreMadeAtUploadBeforeAnyReaderAsks() throws IOException, InterruptedException {
        NewsroomClient writer = NewsroomClient.as(web, Role.WRITER);
        assertEquals(
                303,
                writer.upload("/newsroom/media", "wide.png", "image/png", png(1700, 900), "alt", "A")
                        .statusCode());
        Media media = web.newsroom.services.media().latest(1, 0).getFirst();
        // No reader has asked for any rendition: they are there because the upload made them.
        MediaLibraryTest.awaitRenditions(web, media);

        HttpResponse<byte[]> rendition = web.getBytes("/media/" + media.id() + "/640.png");
        assertEquals(200, rendition.statusCode());
        assertEquals(
                "public, max-age=31536000, immutable",
                rendition.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(
                640, ImageIO.read(new ByteArrayInputStream(rendition.body())).getWidth());
    }

    /** Sends the headers of a multipart POST declaring {@code length} bytes and 64 KB of it, then reads the status line. */
    private String rawUpload(long length, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("localhost", web.server.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /newsroom/media HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + length + "\r\n"
                            + extraHeaders + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\";"
                            + " filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    static byte[] png(int width, int height) throws IOException {
        return MediaLibraryTest.png(width, height);
    }

    /** A baseline JPEG, with an APP1 segment holding {@code exif} right after its start when not null. */
    private static byte[] jpeg(int width, int height, String exif) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0x2266CC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        if (exif == null) {
            return plain;
        }
        byte[] payload =
                concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(plain, 0, 2);
        tagged.write(0xFF);
        tagged.write(0xE1);
        tagged.write((payload.length + 2) >> 8);
        tagged.write((payload.length + 2) & 0xFF);
        tagged.write(payload);
        tagged.write(plain, 2, plain.length - 2);
        return tagged.toByteArray();
    }

    /** The PNG with a tEXt chunk inserted before IEND, which is always the last 12 bytes. */
    private static byte[] withTextChunk(byte[] png, String key, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        chunk(out, "tEXt", concat((key + "\0").getBytes(StandardCharsets.ISO_8859_1), text.getBytes()));
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    /** A real, valid 16-bit RGB PNG of black pixels: small on disk, {@code 6 × w × h} bytes once decoded. */
    private static byte[] sixteenBitPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {16, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 6];
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
