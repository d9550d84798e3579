// dmstat JShell startup: every public package of the library, ready to use
// (the internal packages, io.github.dmstat.core.internal, are not API and not imported).
import io.github.dmstat.core.*;
import io.github.dmstat.core.area.*;
import io.github.dmstat.core.calibration.*;
import io.github.dmstat.core.concentration.*;
import io.github.dmstat.core.crosstab.*;
import io.github.dmstat.core.disclosure.*;
import io.github.dmstat.core.io.*;
import io.github.dmstat.core.model.*;
import io.github.dmstat.core.outcomes.*;
import io.github.dmstat.core.replicate.*;
import io.github.dmstat.core.regression.*;
import io.github.dmstat.core.selection.*;
import io.github.dmstat.core.spatial.*;
import io.github.dmstat.core.survey.*;
import io.github.dmstat.datasets.*;
import io.github.dmstat.charts.*;
import io.github.dmstat.charts.map.*;
import io.github.dmstat.charts.report.*;
import tech.tablesaw.api.Table;
import java.nio.file.Path;
/** Prints a result in full (JShell's own echo shortens long values). */
void show(Object result) { System.out.println(result); }
