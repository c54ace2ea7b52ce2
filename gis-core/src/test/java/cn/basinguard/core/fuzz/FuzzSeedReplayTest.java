package cn.basinguard.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the seed corpus of every fuzz target (test resources and, when present, the shared corpus of real files)
 * through the target itself, in every {@code mvn verify}. The findings and committed seeds under each target's
 * Inputs folder are replayed by Jazzer's JUnit integration when the @FuzzTest methods run.
 */
class FuzzSeedReplayTest {
    static final Path RESOURCES = Path.of("src/test/resources");
    static final Path CORPUS = Path.of(System.getProperty("basinguard.corpus", "../../shared/corpus"));

    @TestFactory
    Stream<DynamicContainer> everySeedRunsCleanThroughItsTarget() throws Exception {
        FuzzSeeds seeds = new FuzzSeeds(RESOURCES, CORPUS);
        List<DynamicContainer> out = new ArrayList<>();
        for (FuzzTarget t : FuzzTarget.values()) {
            List<FuzzSeeds.Seed> list = seeds.of(t);
            if (t != FuzzTarget.GPKG_CATALOG && t != FuzzTarget.GEOMETRY_BLOB && t != FuzzTarget.GPKG_FILE) {
                assertFalse(list.isEmpty(), "the test resources give " + t.id() + " seeds");
            }
            Method m = target(t);
            Object instance = instance(t);
            out.add(DynamicContainer.dynamicContainer(t.id(), list.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                try {
                    m.invoke(instance, (Object) s.bytes());
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }))));
        }
        return out.stream();
    }

    private static Method target(FuzzTarget t) throws ReflectiveOperationException {
        for (Method m : Class.forName(t.testClass).getDeclaredMethods()) {
            if (m.getName().equals(t.method) && m.getParameterCount() == 1) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new NoSuchMethodException(t.testClass + "#" + t.method);
    }

    private static Object instance(FuzzTarget t) throws ReflectiveOperationException {
        Constructor<?> c = Class.forName(t.testClass).getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }
}
