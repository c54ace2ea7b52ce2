package cn.basinguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the program exists in Chinese (the default) and in English, and none is empty. */
class BundleParityTest {
    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        var in = BundleParityTest.class.getResourceAsStream(path);
        assertTrue(in != null, path);
        try (var r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cn/basinguard/app/ui/ui", "/cn/basinguard/app/cli", "/cn/basinguard/core/messages"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws Exception {
        Properties zh = load(bundle + ".properties");
        Properties en = load(bundle + "_en.properties");
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertEquals(Set.of(), onlyZh, "keys without an English text in " + bundle);
        assertEquals(Set.of(), onlyEn, "keys without a Chinese text in " + bundle);
        for (String k : zh.stringPropertyNames()) {
            assertTrue(!zh.getProperty(k).isBlank() && !en.getProperty(k).isBlank(), "empty text for " + k + " in " + bundle);
        }
    }
}
