package org.custodian.cop;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. */
@Controller
class ShellController {

    @GetMapping("/login")
    String login() {
        return "cop/login";
    }
}
