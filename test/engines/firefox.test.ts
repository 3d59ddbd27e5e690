import { launch } from './firefox'
import { promiseSuite } from './promise'

promiseSuite('firefox', launch)
