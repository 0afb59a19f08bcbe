package ipclab.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own {@link Lab} and, after the test, ends its programs and fails the test
 * if they left anything behind. Use it through {@link LabTest}.
 */
public final class LabExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    private static Lab lab(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Lab.class, k -> new Lab(), Lab.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var lab = context.getStore(NAMESPACE).remove(Lab.class, Lab.class);
        if (lab == null) return;
        var left = lab.cleanUp();
        if (!left.isEmpty()) {
            throw new AssertionError("the program left behind (the test removed it now): " + String.join("; ", left)
                    + ". A program must remove every process and IPC object it creates before it exits.");
        }
    }
}
