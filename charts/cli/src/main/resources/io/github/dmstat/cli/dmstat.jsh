// dmstat JShell startup: the library's packages, ready to use.
import io.github.dmstat.core.*;
import io.github.dmstat.core.model.*;
import io.github.dmstat.core.survey.*;
import io.github.dmstat.core.disclosure.*;
import io.github.dmstat.core.io.*;
import io.github.dmstat.datasets.*;
import tech.tablesaw.api.Table;
/** Prints a result in full (JShell's own echo shortens long values). */
void show(Object result) { System.out.println(result); }
