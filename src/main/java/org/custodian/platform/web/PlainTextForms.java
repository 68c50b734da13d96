package org.custodian.platform.web;

import java.beans.PropertyEditorSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Every string bound from a form or a query (request parameters and form objects alike) passes {@link
 * PlainText}. A refusal is a binding error of that field, answered as a 400 problem naming it.
 *
 * <p>Given to every binder by the handler adapter's own initializer, after the framework's (conversion service,
 * validator), rather than as an {@code @InitBinder} of a controller advice: such a method is made into a new
 * invocable method on every request, and its advice's applicability judged again, on every request that binds
 * nothing as well (3% of the processor time of a street tile's request).
 */
@Component
class PlainTextForms implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter) {
            adapter.setWebBindingInitializer(new Initializer(adapter.getWebBindingInitializer()));
        }
        return bean;
    }

    /** The framework's initializer, then plain text. */
    private record Initializer(@Nullable WebBindingInitializer framework) implements WebBindingInitializer {

        @Override
        public void initBinder(WebDataBinder binder) {
            if (framework != null) {
                framework.initBinder(binder);
            }
            plainText(binder);
        }
    }

    static void plainText(WebDataBinder binder) {
        // A request parameter's binder is named after the parameter; a form object's fields are bound by
        // name, and the editor is found per field.
        String parameter = binder.getObjectName();
        binder.registerCustomEditor(String.class, new Editor(parameter));
        Class<?> target =
                binder.getTargetType() == null ? null : binder.getTargetType().resolve();
        if (target != null && target.isRecord()) {
            for (var component : target.getRecordComponents()) {
                if (component.getType() == String.class) {
                    binder.registerCustomEditor(String.class, component.getName(), new Editor(component.getName()));
                }
            }
        }
    }

    /** Thrown for a refused value; its message is the reason, said without the value. */
    static final class TextRefused extends IllegalArgumentException {
        TextRefused(String reason) {
            super(reason);
        }
    }

    private static final class Editor extends PropertyEditorSupport {
        private final String field;

        Editor(String field) {
            this.field = field;
        }

        @Override
        public void setAsText(String text) {
            String reason = text == null ? null : PlainText.refusal(field, text);
            if (reason != null) {
                throw new TextRefused(reason);
            }
            setValue(text);
        }
    }
}
