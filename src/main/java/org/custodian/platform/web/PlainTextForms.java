package org.custodian.platform.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every string bound from a form or a query (request parameters and form objects alike) passes {@link
 * PlainText}. A refusal is a binding error of that field, answered as a 400 problem naming it.
 */
@ControllerAdvice
class PlainTextForms {

    @InitBinder
    void plainText(WebDataBinder binder) {
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
