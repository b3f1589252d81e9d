package org.lede.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoImagesTest {
    private static final List<String> KEYS = List.of(
            "harbor", "skyline", "lab", "grid", "field", "market", "rail", "storm", "clinic", "summit", "chip", "river",
            "forest", "ledger");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theKeyListMatchesTheStoryHeroKeys() {
        assertEquals(KEYS.stream().sorted().toList(), DemoImages.KEYS);
    }

    @Test
    void everyKeyGivesAJpegOfTheRequestedSize() throws IOException {
        for (String key : KEYS) {
            byte[] bytes = DemoImages.jpeg(key, 320, 180);
            assertEquals(0xFF, bytes[0] & 0xFF, key);
            assertEquals(0xD8, bytes[1] & 0xFF, key);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image, key);
            assertEquals(320, image.getWidth(), key);
            assertEquals(180, image.getHeight(), key);
        }
        BufferedImage tall = ImageIO.read(new ByteArrayInputStream(DemoImages.jpeg("storm", 200, 300)));
        assertEquals(200, tall.getWidth());
        assertEquals(300, tall.getHeight());
    }

    @Test
    void theSameKeyGivesTheSameBytes() {
        for (String key : KEYS) {
            assertArrayEquals(DemoImages.jpeg(key, 240, 135), DemoImages.jpeg(key, 240, 135), key);
        }
    }

    @Test
    void differentKeysGiveDifferentImages() {
        Set<String> seen = new HashSet<>();
        for (String key : KEYS) {
            assertTrue(seen.add(Arrays.toString(DemoImages.jpeg(key, 160, 90))), "duplicate image for " + key);
        }
        assertEquals(KEYS.size(), seen.size());
    }

    @Test
    void anUnknownKeyThrows() {
        assertThrows(IllegalArgumentException.class, () -> DemoImages.jpeg("volcano", 100, 100));
        assertThrows(IllegalArgumentException.class, () -> DemoImages.jpeg(null, 100, 100));
        assertThrows(IllegalArgumentException.class, () -> DemoImages.jpeg("Harbor", 100, 100));
    }
}
