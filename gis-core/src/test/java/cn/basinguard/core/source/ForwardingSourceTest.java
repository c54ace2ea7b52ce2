package cn.basinguard.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every call a {@link ForwardingSource} takes reaches the source behind it — the methods {@link DataSource} gives a
 * default as well, which a wrapper that lets them fall to the default answers with the default's behaviour instead
 * of the source's (the window's lent database fetched every land class of a land-use layer to keep its 耕地).
 */
class ForwardingSourceTest {

    private static List<Method> sourceMethods() {
        return Arrays.stream(DataSource.class.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
    }

    @Test
    void everyMethodOfADataSourceIsForwarded() throws Exception {
        List<String> called = new ArrayList<>();
        DataSource inner = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    called.add(method.getName() + Arrays.toString(method.getParameterTypes()));
                    return zero(method.getReturnType());
                });
        ForwardingSource forwarding = new ForwardingSource(inner) {
        };
        List<Method> methods = sourceMethods();
        assertFalse(methods.isEmpty());
        for (Method m : methods) {
            called.clear();
            Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingSourceTest::zero).toArray();
            try {
                m.invoke(forwarding, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(m + " failed instead of being forwarded", e.getCause());
            }
            assertEquals(List.of(m.getName() + Arrays.toString(m.getParameterTypes())), called,
                    m + " must reach the source behind as itself, once");
        }
    }

    @Test
    void everyMethodIsDeclaredByTheForwardingSourceItself() {
        for (Method m : sourceMethods()) {
            try {
                ForwardingSource.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(m + " is not forwarded: it would fall to DataSource's default", e);
            }
        }
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }
}
